// A second copy of the elements, as a second app on the host page would ship them: the web-test-runner
// config serves this file bundled into one module by esbuild (bundleCjsPlugin), so every element class
// in it is a new class that tries to register a tag the page already has.
import '../../widgets/index.ts';
