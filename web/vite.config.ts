// Builds the web app into web/dist, prints the gzip size of every chunk and fails when the
// JavaScript the first screen needs (the entry chunk and its static imports) exceeds the budget.
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const INITIAL_BUDGET_BYTES = 200 * 1024;

interface ChunkLike { type: 'chunk'; code: string; isEntry: boolean; imports: string[]; fileName: string }
interface AssetLike { type: 'asset'; fileName: string }

function bundleBudget(): Plugin {
  return {
    name: 'parley-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const [name, item] of Object.entries(bundle as Record<string, ChunkLike | AssetLike>)) {
        if (item.type === 'chunk') chunks.set(name, item);
      }
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
      };
      for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name);
      let initialBytes = 0;
      const lines: string[] = [];
      for (const [name, chunk] of chunks) {
        const gz = gzipSync(chunk.code).length;
        if (initial.has(name)) initialBytes += gz;
        lines.push(`  ${initial.has(name) ? 'initial' : 'lazy   '}  ${(gz / 1024).toFixed(1).padStart(7)} KB gz  ${chunk.fileName}`);
      }
      console.warn(`\nParley web bundle (gzip):\n${lines.sort().join('\n')}\n  initial route total: ${(initialBytes / 1024).toFixed(1)} KB of ${INITIAL_BUDGET_BYTES / 1024} KB\n`);
      // The service worker caches every built file for offline use; it learns them from here.
      const files = Object.values(bundle as Record<string, ChunkLike | AssetLike>)
        .map((item) => item.fileName)
        .filter((f) => f.startsWith('assets/'));
      this.emitFile({ type: 'asset', fileName: 'asset-manifest.json', source: JSON.stringify({ files }) });
      if (initialBytes > INITIAL_BUDGET_BYTES) {
        this.error(`The initial route's JavaScript is ${(initialBytes / 1024).toFixed(1)} KB gzipped, over the ${INITIAL_BUDGET_BYTES / 1024} KB budget.`);
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), bundleBudget()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': { target: 'http://localhost:3000', ws: true }, '/oauth': 'http://localhost:3000', '/auth': 'http://localhost:3000' } },
});
