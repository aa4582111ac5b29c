// The style sheet and the one script of the try-it page and the console, served from the app itself so that
// the pages need no inline script or style and the CSP can say 'self' (no third-party fonts, scripts or
// trackers). Each file's URL carries a hash of its content, so it can be cached for long and never goes stale.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { LEVEL_COLORS } from '../channels/line/render.ts';
import type { Level } from '../domain.ts';

const levelRules = (Object.entries(LEVEL_COLORS) as [Level, { bg: string; fg: string }][])
  .map(([level, c]) => `.lvl-${level}{background:${c.bg};color:${c.fg}}`)
  .join('');

// Sized for an older person on a phone: 20 px type, 1.7 line height, targets at least 48 px high, strong
// contrast (WCAG AA or better), and the level in a coloured band, as on the LINE card.
const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:0;color:#1a1a1a;
background:#f4f4f1;font-size:1.25rem;line-height:1.7}
a{color:#0645ad}
a:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #1a56db;outline-offset:2px}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem 3rem}
.top{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.8rem 0}
.brand{font-weight:700;font-size:1.3rem;color:#1a1a1a;text-decoration:none}
.switch{font-size:1.1rem;padding:.5rem .9rem;border:2px solid #0645ad;border-radius:2rem;text-decoration:none;
background:#fff;min-height:48px;display:inline-flex;align-items:center}
h1{font-size:1.6rem;line-height:1.45;margin:.5rem 0 .8rem}
h2{font-size:1.3rem;line-height:1.4;margin:1.6rem 0 .5rem}
.lead{margin:.2rem 0 1.2rem}
form.check{background:#fff;border-radius:.8rem;padding:1.1rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
label{display:block;font-weight:700;margin:.3rem 0 .4rem}
.hint{display:block;font-weight:400;color:#444;font-size:1.05rem}
textarea{width:100%;min-height:10rem;font:inherit;font-size:1.2rem;line-height:1.6;padding:.7rem;border:2px solid #767676;
border-radius:.5rem;background:#fff;color:#1a1a1a;resize:vertical}
input[type=file]{font:inherit;font-size:1.1rem;width:100%;padding:.4rem 0;min-height:48px}
input[type=file]::file-selector-button{font:inherit;font-weight:700;padding:.6rem 1rem;margin-right:.8rem;min-height:48px;
border:2px solid #1a56db;border-radius:.5rem;background:#fff;color:#1a56db;cursor:pointer}
.field{margin-bottom:1.1rem}
button.go{display:block;width:100%;min-height:3.6rem;font:inherit;font-size:1.4rem;font-weight:700;color:#fff;
background:#1a56db;border:0;border-radius:.6rem;cursor:pointer}
button.go:disabled{background:#5a6e9c}
.note{font-size:1.05rem;color:#333;margin:.8rem 0 0}
.status{font-weight:700;margin:.8rem 0 0}
.status:empty{margin:0}
.answer{margin-top:1.4rem}
.answer:focus{outline:none}
.card{background:#fff;border-radius:.8rem;overflow:hidden;box-shadow:0 1px 4px rgba(0,0,0,.2)}
.card header{padding:1rem 1.1rem}
.level{font-size:2.3rem;font-weight:800;line-height:1.25;margin:0;letter-spacing:.02em}
.subline{margin:.3rem 0 0;font-size:1.2rem;font-weight:600}
.card .body{padding:.3rem 1.1rem 1.1rem}
.card h3{font-size:1.2rem;margin:1.2rem 0 .3rem;color:#333;border-left:.35rem solid #767676;padding-left:.5rem}
.card ul{margin:.2rem 0;padding-left:1.3rem}
.card li{margin:.35rem 0;overflow-wrap:anywhere}
.type{font-weight:700;margin:.8rem 0 0}
.read{background:#f1f1f1;border-radius:.4rem;padding:.6rem .8rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.1rem}
.guarantee{background:#fff5d6;border:2px solid #b88a00;border-radius:.6rem;padding:.7rem .9rem;margin-top:1.2rem;font-size:1.1rem}
.judged{font-size:1rem;color:#444;margin-top:.8rem}
.error{background:#fde8e8;border:2px solid #b3261e;color:#5c0f0a;border-radius:.6rem;padding:.8rem 1rem;font-weight:600}
footer{margin-top:2rem;font-size:1.05rem;color:#333}
${levelRules}
.console{font-size:1rem;line-height:1.5;background:#f7f7f5}
.console .wrap{max-width:72rem}
.console h1{font-size:1.5rem}
.console h2{font-size:1.2rem;border-bottom:2px solid #d0d0d0;padding-bottom:.2rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(20rem,100%),1fr));gap:1rem}
.panel{background:#fff;border-radius:.6rem;padding:.8rem 1rem;box-shadow:0 1px 3px rgba(0,0,0,.12);min-width:0}
.scroll{overflow-x:auto}
caption{text-align:left;font-weight:700;padding:.5rem 0 .2rem}
.panel h3{font-size:1.05rem;margin:.2rem 0 .5rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.8rem}
.tile{background:#fff;border-radius:.6rem;padding:.7rem .9rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.tile b{display:block;font-size:1.9rem;line-height:1.2}
.tile span{color:#444}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
th.week{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
svg{max-width:100%;height:auto;display:block}
pre.tip{white-space:pre-wrap;font-family:inherit;background:#f4f4f1;border-radius:.4rem;padding:.6rem .8rem;margin:.3rem 0}
.ok{color:#1b5e20;font-weight:700}.bad{color:#b3261e;font-weight:700}.muted{color:#555}
form.inline{display:inline}
.btn{font:inherit;padding:.5rem 1rem;min-height:44px;border:2px solid #1a56db;border-radius:.5rem;background:#fff;
color:#1a56db;font-weight:700;cursor:pointer}
.login{max-width:26rem;width:calc(100% - 2rem);margin:3rem auto;background:#fff;padding:1.2rem;border-radius:.8rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
.login input[type=password]{width:100%;font:inherit;padding:.6rem;border:2px solid #767676;border-radius:.5rem;min-height:48px}
.login button{margin-top:1rem}
`;

// Progressive enhancement only: without it the form posts and the page comes back with the answer.
const TRY_JS = `
(function () {
  var form = document.getElementById('check-form');
  var answer = document.getElementById('answer');
  var status = document.getElementById('status');
  if (!form || !answer || !status || !window.fetch || !window.FormData || !window.DOMParser) return;
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    status.textContent = form.getAttribute('data-busy');
    fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      headers: { 'x-anshin-fragment': '1' },
      credentials: 'same-origin'
    }).then(function (res) {
      return res.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      answer.replaceChildren.apply(answer, Array.prototype.slice.call(doc.body.childNodes));
      status.textContent = '';
      answer.focus();
      answer.scrollIntoView({ block: 'start' });
    }).catch(function () {
      status.textContent = form.getAttribute('data-offline');
    }).then(function () {
      button.disabled = false;
    });
  });
})();
`;

interface Asset {
  path: string;
  type: string;
  body: string;
}

const asset = (name: string, ext: string, type: string, body: string): Asset => {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/${name}.${hash}.${ext}`, type, body };
};

export const STYLE_SHEET = asset('anshin', 'css', 'text/css; charset=utf-8', CSS);
export const TRY_SCRIPT = asset('try', 'js', 'text/javascript; charset=utf-8', TRY_JS);

/** A hashed URL never changes content: a year, immutable. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

export async function assetRoutes(app: FastifyInstance): Promise<void> {
  for (const a of [STYLE_SHEET, TRY_SCRIPT]) {
    app.get(a.path, async (_req, reply) =>
      reply
        .header('content-type', a.type)
        .header('cache-control', ASSET_CACHE)
        .header('x-content-type-options', 'nosniff')
        .send(a.body),
    );
  }
}
