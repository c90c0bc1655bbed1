// A Node request body as a web ReadableStream that touches the socket only when read (one chunk per
// read) and, when its reader gives up (the router's 413 past the body limit), lets the rest flow away
// unread instead of buffering it. @hono/node-server's own body stream (Readable.toWeb) cannot be
// given up: its backpressure keeps the socket paused, the bridge's drain stalls, and after 500 ms
// the bridge destroys the connection under the next keep-alive request. A body never read is left
// alone entirely, for the bridge to drain.
import type { IncomingMessage } from 'node:http';

export function bodyStream(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  let attached = false;
  let detach = () => {};

  function attach(controller: ReadableStreamDefaultController<Uint8Array>): void {
    attached = true;
    incoming.pause(); // before the 'data' listener, so adding it does not start the flow
    const onData = (chunk: Buffer) => {
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
    };
    const onEnd = () => {
      detach();
      controller.close();
    };
    const onError = (error: Error) => {
      detach();
      controller.error(error);
    };
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onError);
    detach = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
  }

  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!attached) attach(controller);
        incoming.resume();
      },
      cancel() {
        detach();
        incoming.resume(); // flowing with no listener: the rest is discarded as it arrives
      },
    },
    { highWaterMark: 0 }, // pull only when the reader asks: nothing is read ahead
  );
}
