import { readFileSync } from 'node:fs';
import MagicString from 'magic-string';
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Shrinks the text of Lit's html`...` and css`...` templates in the widget's sources, which
 * the JS minifier leaves alone: in CSS, comments and the whitespace around punctuation go; in
 * HTML, each run of whitespace that spans lines becomes one space (so the rendered text and
 * the spaces between inline elements stay as they were).
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'parley:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/widget\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const out = new MagicString(code);
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
          const shrink = node.tag.text === 'css' ? minifyCss : node.tag.text === 'html' ? collapseHtml : undefined;
          if (shrink) for (const [start, end] of quasis(node.template)) shrinkRange(out, code, start, end, shrink);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}

/** The [start, end) ranges of a template's literal parts (between the backticks and `${ }`). */
function quasis(template: ts.TemplateLiteral): Array<[number, number]> {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart() + 1, template.end - 1]];
  const parts: Array<[number, number]> = [[template.head.getStart() + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    const tail = ts.isTemplateTail(literal);
    parts.push([literal.getStart() + 1, literal.end - (tail ? 1 : 2)]);
  }
  return parts;
}

function shrinkRange(out: MagicString, code: string, start: number, end: number, shrink: (s: string) => string) {
  if (end <= start) return;
  const text = code.slice(start, end);
  const next = shrink(text);
  if (next !== text) out.overwrite(start, end, next || ' ');
}

export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([\w-]):\s+/g, '$1:')
    .replace(/(^|[\s:(,])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}');
}

export function collapseHtml(html: string): string {
  return html.replace(/\s*\n\s*/g, ' ');
}

/**
 * Emits the demo page `index.html` next to `chat-widget.js`: the dev page (`widget/index.html`)
 * with its module script pointed at the built file. The service serves both at `/`.
 */
export function demoPage(source: string): Plugin {
  return {
    name: 'parley:demo-page',
    apply: 'build',
    generateBundle() {
      if (this.environment.name !== 'client') return;
      const html = readFileSync(source, 'utf8').replace('./src/embed.ts', './chat-widget.js');
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
    },
  };
}
