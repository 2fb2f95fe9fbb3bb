// Draws the process models as Camunda Modeler and Cockpit draw them (bpmn-js, the library both
// use) at fit-to-screen size on a 1920 × 1080 screen, into PNG files for the documentation:
//
//   npm run render:diagrams                       (processes/idea-lifecycle.bpmn, incubation.bpmn → docs/)
//   node tools/render-diagrams.mjs some.bpmn out.png [SubProcess_Id]
//
// With a collapsed sub-process's id, its own plane is drawn: what the Modeler shows on drill-down.
//
// Uses the system Chromium (CHROMIUM_PATH, else chromium on the PATH) in headless mode: no browser
// download, the same browser as the tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const viewer = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const css = require.resolve('bpmn-js/dist/assets/bpmn-js.css');

// The Modeler's canvas on a 1920 × 1080 screen, properties panel folded (DiagramLayoutTest).
const WIDTH = 1880;
const HEIGHT = 950;

const pairs = process.argv.length > 3
  ? [[process.argv[2], process.argv[3], process.argv[4]]]
  : [['processes/idea-lifecycle.bpmn', 'docs/diagramme-idea-lifecycle.png'],
     ['processes/incubation.bpmn', 'docs/diagramme-incubation.png'],
     ['processes/incubation.bpmn', 'docs/diagramme-incubation-accord.png', 'SubProcess_AgreeOnWorkingTime']];

const chromium = process.env.CHROMIUM_PATH || 'chromium';
for (const [model, out, plane] of pairs) {
  const work = mkdtempSync(join(tmpdir(), 'render-'));
  copyFileSync(viewer, join(work, 'viewer.js'));
  copyFileSync(css, join(work, 'bpmn-js.css'));
  const xml = readFileSync(join(root, model), 'utf8');
  writeFileSync(join(work, 'index.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<link rel="stylesheet" href="bpmn-js.css"><style>html,body,#c{margin:0;width:100%;height:100%;background:#fff}</style>
</head><body><div id="c"></div><script src="viewer.js"></script><script>
const viewer = new BpmnJS({ container: '#c' });
viewer.importXML(${JSON.stringify(xml)}).then(() => {
  const canvas = viewer.get('canvas');
  const plane = ${JSON.stringify(plane || null)};
  if (plane) canvas.setRootElement(canvas.findRoot(plane + '_plane'));
  canvas.zoom('fit-viewport');
  if (plane) {
    // Room above for the breadcrumb the Modeler also draws over a drill-down's top left corner.
    const box = canvas.viewbox();
    canvas.zoom(box.scale * 0.93, { x: box.x + box.width / 2, y: box.y + box.height });
  }
});
</script></body></html>`);
  execFileSync(chromium, ['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
    '--allow-file-access-from-files', '--virtual-time-budget=5000', `--window-size=${WIDTH},${HEIGHT}`,
    `--screenshot=${resolve(root, out)}`, `file://${join(work, 'index.html')}`], { stdio: 'ignore' });
  console.log(`${model}${plane ? ' (' + plane + ')' : ''} → ${out}`);
}
