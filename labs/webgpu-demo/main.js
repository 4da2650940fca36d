// The seed lesson's demo, fixed: it checks for a real WebGPU adapter and falls back to WebAssembly, uses
// a runtime and a model served from this machine (it works offline), and classifies real digits instead of
// an all-zero image. Plain JavaScript on purpose: learners open it next to the lesson and change it.
const statusEl = document.getElementById('status');
const outputEl = document.getElementById('output');

function log(message) {
  outputEl.textContent += `${message}\n`;
}

// navigator.gpu can exist without a usable adapter: ask for one.
async function pickExecutionProvider() {
  if (!('gpu' in navigator)) return { provider: 'wasm', reason: 'navigator.gpu is missing (old browser, flag off, or not a secure context)' };
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) return { provider: 'wasm', reason: 'the browser found no WebGPU adapter' };
  const { vendor, architecture } = adapter.info ?? {};
  return { provider: 'webgpu', reason: `adapter ${vendor || '?'} ${architecture || ''}`.trim() };
}

function argmax(values) {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

(async () => {
  try {
    ort.env.wasm.wasmPaths = './ort/';
    const { provider, reason } = await pickExecutionProvider();
    statusEl.textContent = `Loading model on ${provider}…`;
    log(`Execution provider: ${provider} (${reason})`);

    const session = await ort.InferenceSession.create('./model.onnx', { executionProviders: [provider] });
    const inputName = session.inputNames[0];
    const outputName = session.outputNames[0];
    log(`Session created. Input: ${inputName}, output: ${outputName}`);

    // Real input: handwritten digits the model never saw in training, 28×28 grey levels, white on black.
    const samples = await (await fetch('./digit-samples.json')).json();
    let correct = 0;
    for (const { label, pixels } of samples) {
      const input = new ort.Tensor('float32', Float32Array.from(pixels, (value) => value / 255), [1, 1, 28, 28]);
      const results = await session.run({ [inputName]: input });
      const predicted = argmax(results[outputName].data);
      if (predicted === label) correct++;
      log(`Digit ${label}: predicted ${predicted}`);
    }
    statusEl.textContent = `Inference complete on ${provider}: ${correct} of ${samples.length} digits right.`;
  } catch (error) {
    statusEl.textContent = 'Error during inference.';
    log(error?.stack || String(error));
  }
})();
