/** The components a lesson's MDX may use without importing them: the lesson vocabulary for authors. */
import Aside from './course/Aside.astro';
import BrowserModel from './languagemodel/BrowserModel.astro';
import CodeBlock from './course/CodeBlock.astro';
import OsTabs from './course/OsTabs.astro';
import Tab from './course/Tab.astro';
import ChatPlayground from './chat/ChatPlayground.astro';
import Checklist from './progress/Checklist.astro';
import DecisionMatrix from './deployment/DecisionMatrix.astro';
import DigitPad from './inference/DigitPad.astro';
import EndpointPanel from './endpoint/EndpointPanel.astro';
import HybridRouter from './chat/HybridRouter.astro';
import OmittedInstructorNote from './instructor/OmittedInstructorNote.astro';
import ModelCompare from './chat/ModelCompare.astro';
import OnnxInspector from './inference/OnnxInspector.astro';
import OpenWebUiSetup from './deployment/OpenWebUiSetup.astro';
import Explanation from './quiz/Explanation.astro';
import Option from './quiz/Option.astro';
import Question from './quiz/Question.astro';
import Quiz from './quiz/Quiz.astro';
import ProviderBenchmark from './inference/ProviderBenchmark.astro';
import RagChat from './chat/RagChat.astro';
import Task from './progress/Task.astro';
import WebGpuStatus from './inference/WebGpuStatus.astro';

/**
 * The MDX components map passed to every lesson: each tag an author may write, and `pre` so code blocks get copy
 * buttons. `<InstructorNote>` renders nothing here; the instructor view maps it to a visible note.
 */
export const lessonComponents = { InstructorNote: OmittedInstructorNote, Aside, OsTabs, Tab, Checklist, Task, WebGpuStatus, DigitPad, BrowserModel, ProviderBenchmark, OnnxInspector, EndpointPanel, ChatPlayground, ModelCompare, DecisionMatrix, HybridRouter, RagChat, OpenWebUiSetup, Quiz, Question, Option, Explanation, pre: CodeBlock };
