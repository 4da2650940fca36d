/** The components a lesson's MDX may use without importing them: the lesson vocabulary for authors. */
import Aside from './course/Aside.astro';
import CodeBlock from './course/CodeBlock.astro';
import OsTabs from './course/OsTabs.astro';
import Tab from './course/Tab.astro';
import ChatPlayground from './live/ChatPlayground.astro';
import Checklist from './live/Checklist.astro';
import DecisionMatrix from './live/DecisionMatrix.astro';
import DigitPad from './live/DigitPad.astro';
import EndpointPanel from './live/EndpointPanel.astro';
import HybridRouter from './live/HybridRouter.astro';
import ModelCompare from './live/ModelCompare.astro';
import OnnxInspector from './live/OnnxInspector.astro';
import OpenWebUiSetup from './live/OpenWebUiSetup.astro';
import ProviderBenchmark from './live/ProviderBenchmark.astro';
import RagChat from './live/RagChat.astro';
import Task from './live/Task.astro';
import WebGpuStatus from './live/WebGpuStatus.astro';

export const lessonComponents = { Aside, OsTabs, Tab, Checklist, Task, WebGpuStatus, DigitPad, ProviderBenchmark, OnnxInspector, EndpointPanel, ChatPlayground, ModelCompare, DecisionMatrix, HybridRouter, RagChat, OpenWebUiSetup, pre: CodeBlock };
