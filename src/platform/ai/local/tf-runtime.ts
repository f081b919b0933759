/**
 * TensorFlow.js with its WebAssembly backend, loaded once per thread and shared by every local model
 * of that thread (the sentence encoder and nsfwjs both run in the model thread, model-thread.ts). Loading
 * a second copy of TensorFlow.js (a bundled one) re-registers every kernel and floods the log with
 * "kernel already registered"; there is exactly one copy now.
 */
export type Tf = typeof import('@tensorflow/tfjs');

let loading: Promise<Tf> | undefined;

export function loadTensorflow(): Promise<Tf> {
  loading ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js WebAssembly backend did not start');
    await tf.ready();
    return tf;
  })();
  return loading;
}
