// Aborting from inside disconnectedCallback puts the element in the stack of every error created
// while the abort is dispatched: the signal's own AbortError reason, an adapter's `aborted` error.
// V8 keeps a stack's receivers until someone reads `.stack`, so an adapter that keeps such an error
// (or the signal) would keep the removed element alive. So the elements abort a microtask later,
// from a frame that knows only the controller, with a reason made once at start-up.
const LEFT_THE_PAGE = new DOMException('The dealreg element left the page', 'AbortError');

/** Aborts `controller` right after the current task's synchronous work (before any timer or I/O). */
export function abortLater(controller: AbortController | undefined): void {
  if (controller) queueMicrotask(() => controller.abort(LEFT_THE_PAGE));
}
