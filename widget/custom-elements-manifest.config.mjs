/**
 * The Custom Elements Manifest (`dist/custom-elements.json`, the package's `customElements`)
 * is generated from the classes' JSDoc by `npm run build -w @parley/widget`. The plugin keeps
 * it to the contract: the documented `chat-*` events (not every `dispatchEvent` the analyzer
 * finds), and no attributes for internal reactive state (`@internal` fields).
 */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/locales/**'],
  outdir: 'dist',
  // package.json names dist/custom-elements.json itself; the analyzer must not rewrite it (the
  // manifest test analyzes into a temporary folder).
  packagejson: false,
  litelement: true,
  plugins: [contractPlugin()],
};

/** Internal reactive state (`static properties = { x: { state: true } }`), by class name. */
const internal = new Map();

function contractPlugin() {
  return {
    name: 'parley-contract',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const properties = node.members.find((m) => m.name?.getText() === 'properties' && m.initializer);
      const literal = properties?.initializer;
      if (!literal || !ts.isObjectLiteralExpression(literal)) return;
      const states = literal.properties
        .filter((p) => ts.isPropertyAssignment(p) && /\bstate:\s*true\b/.test(p.initializer.getText()))
        .map((p) => p.name.getText());
      internal.set(node.name.getText(), new Set(states));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) contract(declaration);
      }
    },
  };
}

function contract(declaration) {
  const states = internal.get(declaration.name) ?? new Set();
  if (declaration.members) declaration.members = declaration.members.filter((m) => !states.has(m.name));
  if (declaration.events) {
    const documented = declaration.events.filter((e) => e.name?.startsWith('chat-') && e.description);
    declaration.events = documented.filter((e, i) => documented.findIndex((f) => f.name === e.name) === i);
  }
  if (declaration.attributes) {
    const fields = new Set((declaration.members ?? []).map((m) => m.name));
    declaration.attributes = declaration.attributes.filter((a) => !a.fieldName || fields.has(a.fieldName));
  }
}
