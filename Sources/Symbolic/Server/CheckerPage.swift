/// The page of `derive serve`: a text area (or a dropped file), the document's steps with their
/// marks as the user types, the counts, and the downloads. Its script is served apart (`/app.js`)
/// so the Content-Security-Policy forbids every inline script: nothing pasted can run, and the
/// script puts pasted text in the page only through `textContent` and KaTeX with `trust: false`.
enum CheckerPage {
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>derive: check a derivation</title>
        <link rel="stylesheet" href="/katex/katex.min.css">
        <script defer src="/katex/katex.min.js"></script>
        <script defer src="/app.js"></script>
        <style>
        body { font-family: sans-serif; margin: 0; display: flex; height: 100vh; }
        #input { width: 45%; display: flex; flex-direction: column; padding: 1em; box-sizing: border-box; border-right: 1px solid #ddd; }
        #document { flex: 1; font-family: monospace; font-size: 14px; padding: .5em; }
        #drop { border: 2px dashed #bbb; padding: .5em; margin-top: .5em; text-align: center; color: #666; }
        #output { flex: 1; padding: 1em; overflow-y: auto; }
        .counts { font-size: 1.2em; margin-bottom: .5em; }
        .step { margin: .4em 0; padding: .3em .6em; border-inline-start: 4px solid #ccc; }
        .step.valid { border-color: #2a7; } .step.invalid { border-color: #c22; background: #fff4f4; } .step.unchecked { border-color: #999; }
        .mark { font-weight: bold; display: inline-block; width: 1.4em; }
        .valid .mark { color: #2a7; } .invalid .mark { color: #c22; } .unchecked .mark { color: #777; }
        .math { direction: ltr; unicode-bidi: isolate; }
        .line { color: #888; font-size: .8em; margin-inline-end: .5em; }
        .note { color: #888; font-size: .85em; margin: .2em 0; padding: 0 .6em; border-inline-start: 4px solid transparent; }
        details { color: #444; font-size: .9em; }
        #status { color: #888; font-size: .9em; }
        a.download { margin-inline-end: 1em; }
        </style>
        </head>
        <body>
        <section id="input">
        <h2>derive: paste a derivation</h2>
        <textarea id="document" dir="auto" spellcheck="false" placeholder="Markdown or LaTeX, English or Persian: $$(x+1)^2 = x^2 + 2x + 1$$"></textarea>
        <div id="drop">drop a .md or .tex file here, or <input type="file" id="file" accept=".md,.tex,.txt,.markdown"></div>
        </section>
        <section id="output">
        <div class="counts" id="counts"></div>
        <div id="downloads"><a class="download" id="pdf" href="#">annotated PDF</a><a class="download" id="json" href="#">JSON</a></div>
        <div id="status"></div>
        <div id="steps"></div>
        </section>
        </body>
        </html>
        """

    static let script = """
        'use strict';
        (function () {
          const area = document.getElementById('document');
          const steps = document.getElementById('steps');
          const counts = document.getElementById('counts');
          const status = document.getElementById('status');
          let timer = null, sequence = 0;
          const persian = /[\\u0600-\\u06FF]/;
          function math(latex) {
            const span = document.createElement('span');
            span.className = 'math';
            if (typeof katex !== 'undefined') {
              try { katex.render(latex, span, { throwOnError: false, trust: false, strict: 'ignore', maxExpand: 1000 }); return span; } catch (e) {}
            }
            span.textContent = latex;
            return span;
          }
          // The engine's words are English: each line keeps its own direction inside a Persian page.
          function line(text) { const d = document.createElement('div'); d.dir = 'auto'; d.textContent = text; return d; }
          let shown = new Map();
          // The notes shown, by line and reason, kept from one check to the next like the steps.
          let notesShown = new Map(), notesNext = new Map();
          function note(n) {
            const key = n.line + ':' + n.reason;
            const kept = notesShown.get(key);
            if (kept && !notesNext.has(key)) { notesNext.set(key, kept); return kept; }
            const div = document.createElement('div');
            div.className = 'note';
            div.dir = 'auto';
            div.textContent = 'line ' + n.line + ': ' + n.reason;
            if (!notesNext.has(key)) notesNext.set(key, div);
            return div;
          }
          function show(report, text) {
            const rtl = persian.test(text);
            document.getElementById('output').dir = rtl ? 'rtl' : 'ltr';
            const s = report.summary;
            counts.textContent = '\\u2713 ' + s.valid + '   \\u00d7 ' + s.invalid + '   ? ' + s.unchecked;
            // A step shown before with the same verdict and text keeps its typeset node: after an
            // edit only the steps that changed are typeset again.
            const reused = new Map(), nodes = [];
            function place(key, node) {
              nodes.push(node);
              if (!reused.has(key)) reused.set(key, []);
              reused.get(key).push(node);
            }
            for (const step of report.steps) {
              const key = JSON.stringify(step);
              const old = shown.get(key);
              if (old && old.length) { place(key, old.pop()); continue; }
              const div = document.createElement('div');
              div.className = 'step ' + step.verdict;
              div.dataset.line = step.line;
              const mark = document.createElement('span');
              mark.className = 'mark';
              mark.textContent = step.verdict === 'valid' ? '\\u2713' : step.verdict === 'invalid' ? '\\u00d7' : '?';
              const where = document.createElement('span');
              where.className = 'line';
              where.textContent = 'line ' + step.line;
              div.append(mark, where, math(step.latex));
              if (step.verdict !== 'valid') {
                const more = document.createElement('details');
                if (step.verdict === 'invalid') more.open = true;
                const summary = document.createElement('summary');
                summary.textContent = step.reason;
                summary.dir = 'auto';
                more.append(summary);
                if (step.carried_from) more.append(line('carries forward the wrong result of line ' + step.carried_from));
                if (step.terms) for (const t of step.terms) more.append(line(t.term === '1' ? 'constant term: ' + t.left + ', not ' + t.right : 'coefficient of ' + t.term + ': ' + t.left + ', not ' + t.right));
                const c = step.counterexample;
                if (c) {
                  const point = Object.keys(c.point).sort().map(k => k + ' = ' + c.point[k]).join(', ');
                  if (point) more.append(line('counterexample: ' + point + ' (left ' + c.lhs + ', right ' + c.rhs + ')'));
                  if (c.correct) more.append(line('correct value: ' + c.correct));
                }
                div.append(more);
              }
              place(key, div);
            }
            // A block that holds no step (a definition, a remark) says why, in grey, at its line.
            const notes = (report.notes || []).filter(n => n.reason !== 'no math');
            notesNext = new Map();
            const merged = [];
            let next = 0;
            report.steps.forEach((step, i) => {
              while (next < notes.length && notes[next].line < step.line) merged.push(note(notes[next++]));
              merged.push(nodes[i]);
            });
            while (next < notes.length) merged.push(note(notes[next++]));
            // In place: a node already where it belongs is not touched (no relayout of the page).
            let cursor = steps.firstChild;
            for (const node of merged) {
              if (node === cursor) { cursor = cursor.nextSibling; continue; }
              steps.insertBefore(node, cursor);
            }
            while (cursor) { const next = cursor.nextSibling; steps.removeChild(cursor); cursor = next; }
            notesShown = notesNext;
            shown = reused;
          }
          async function check() {
            const text = area.value, mine = ++sequence;
            status.textContent = 'checking\\u2026';
            const started = performance.now();
            try {
              const response = await fetch('/api/verify', { method: 'POST', headers: { 'Content-Type': 'text/markdown' }, body: text });
              const report = await response.json();
              if (mine !== sequence) return;
              if (!response.ok) { status.textContent = report.error || ('error ' + response.status); return; }
              status.textContent = '';
              const answered = performance.now();
              show(report, text);
              // From the request to the marks on the page, and the part spent showing them (the tests read them).
              document.body.dataset.showMilliseconds = Math.round(performance.now() - answered);
              document.body.dataset.checkMilliseconds = Math.round(performance.now() - started);
            } catch (e) { if (mine === sequence) status.textContent = 'the server did not answer'; }
          }
          area.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 250); });
          async function download(format, name) {
            const url = format === 'pdf' ? '/api/verify?format=pdf' : '/api/verify';
            const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/markdown' }, body: area.value });
            if (!response.ok) { status.textContent = 'download failed (' + response.status + ')'; return; }
            const link = document.createElement('a');
            link.href = URL.createObjectURL(await response.blob());
            link.download = name;
            link.click();
          }
          document.getElementById('pdf').addEventListener('click', e => { e.preventDefault(); download('pdf', 'report.pdf'); });
          document.getElementById('json').addEventListener('click', e => { e.preventDefault(); download('json', 'report.json'); });
          function load(file) { file.text().then(t => { area.value = t; check(); }); }
          document.getElementById('file').addEventListener('change', e => { if (e.target.files[0]) load(e.target.files[0]); });
          const drop = document.getElementById('drop');
          drop.addEventListener('dragover', e => e.preventDefault());
          drop.addEventListener('drop', e => { e.preventDefault(); if (e.dataTransfer.files[0]) load(e.dataTransfer.files[0]); });
        })();
        """
}
