// The framed panel (dist/embed/index.html): <dealreg-panel> (or the partner's <dealreg-book>)
// full-width, driven by its parent window over postMessage (../protocol.ts). It reads config.json,
// then ./start.ts says `ready` to its parent and shows the view the parent's `init` asks for. The
// token is asked of the parent on every request and never kept. The parent's CRM records are read
// first (./records.ts): the panel gets only their valid part.
import { createHttpAdapter } from '../../src/adapters/http.ts';
import { loadFrameConfig } from './config.ts';
import { startFrame } from './start.ts';

const root = document.getElementById('dealreg-frame') as HTMLElement;
const notice = document.getElementById('dealreg-frame-notice') as HTMLElement;

function say(text: string): void {
  notice.textContent = text;
  notice.hidden = false;
}

if (window.parent === window) {
  say('This page shows the deal-registration panel inside a CRM or portal frame; opened on its own it does nothing.');
} else {
  loadFrameConfig(new URL('config.json', document.baseURI)).then(
    (config) =>
      startFrame({
        win: window,
        root,
        config,
        adapter: (getToken) => createHttpAdapter({ baseUrl: config.apiBaseUrl, getToken }),
        say,
      }),
    (error: unknown) => {
      say('The deal-registration panel is not configured correctly.');
      console.error(error);
    },
  );
}
