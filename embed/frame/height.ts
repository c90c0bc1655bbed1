// Reports the content's height to the parent whenever it changes, so the parent sizes the frame
// with no scrollbar. `el` must wrap all content (display: flow-root, so margins count).

export function reportHeight(el: Element, send: (height: number) => void): () => void {
  let last = -1;
  const measure = (): void => {
    const height = Math.ceil(el.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    send(height);
  };
  const observer = new ResizeObserver(measure);
  observer.observe(el);
  return () => observer.disconnect();
}
