/**
 * Which UI strings each live element's script reads, by the element's tag. They are served as one small JSON
 * file per language and element (`/<locale>/strings/<tag>.json`, see pages/[locale]/strings) and fetched
 * with the element's code, so a lesson's HTML carries no string tables for demos the reader never opens.
 */
import { chatPlaygroundKeys, hybridRouterKeys, modelCompareKeys, ragChatKeys } from './chat/chatStrings';
import { classroomJoinKeys, dashboardKeys, partSignalKeys } from './classroom/classroomStrings';
import { codeBlockKeys, courseSearchKeys } from './course/courseStrings';
import { decisionMatrixKeys, openWebUiSetupKeys } from './deployment/deploymentStrings';
import { endpointPanelKeys } from './endpoint/endpointStrings';
import { digitPadKeys, onnxInspectorKeys, providerBenchmarkKeys, webGpuStatusKeys } from './inference/inferenceStrings';
import { joinCardKeys, presenterClockKeys } from './instructor/instructorStrings';
import { offlineStatusKeys } from './offline/offlineStrings';
import { browserModelKeys } from './languagemodel/languageModelStrings';
import { preflightKeys } from './preflight/preflightStrings';
import { checklistKeys, progressPanelKeys } from './progress/progressStrings';
import { quizKeys } from './quiz/quizStrings';
import { agendaPlannerKeys } from './schedule/scheduleStrings';

/** Element tag → the keys its script reads. */
export const stringSets = {
  'agenda-planner': agendaPlannerKeys,
  'browser-model': browserModelKeys,
  'chat-playground': chatPlaygroundKeys,
  'class-dashboard': dashboardKeys,
  'classroom-join': classroomJoinKeys,
  'code-block': codeBlockKeys,
  'course-checklist': checklistKeys,
  'course-progress': progressPanelKeys,
  'course-quiz': quizKeys,
  'course-search': courseSearchKeys,
  'decision-matrix': decisionMatrixKeys,
  'digit-pad': digitPadKeys,
  'endpoint-panel': endpointPanelKeys,
  'hybrid-router': hybridRouterKeys,
  'join-card': joinCardKeys,
  'model-compare': modelCompareKeys,
  'offline-status': offlineStatusKeys,
  'onnx-inspector': onnxInspectorKeys,
  'open-webui-setup': openWebUiSetupKeys,
  'part-signals': partSignalKeys,
  'pre-flight': preflightKeys,
  'presenter-clock': presenterClockKeys,
  'provider-benchmark': providerBenchmarkKeys,
  'rag-chat': ragChatKeys,
  'webgpu-status': webGpuStatusKeys,
} as const;

/** The tag of an element whose script reads strings. */
export type StringSetTag = keyof typeof stringSets;
