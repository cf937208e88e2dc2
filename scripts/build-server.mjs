// Compiles the processes `npm start` runs beside Next.js (the start script, the API server, the store worker) into one
// JavaScript bundle each under dist/, so production runs compiled code with one copy of every module per process and no
// TypeScript loader. Packages stay external: Node.js loads each of them once per process from node_modules.
import { build } from "esbuild";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const ENTRY_POINTS = {
  start: "scripts/start.ts",
  "api-server": "scripts/api-server.ts",
  "store-worker": "scripts/store-worker.ts",
};

// `server-only` throws unless resolved with the react-server condition; these bundles are server code by definition.
const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    esbuild.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

const require = createRequire(import.meta.url);

// Node's ESM loader resolves a package's subpath (`next/server`) only through the package's `exports`, or else by its
// exact file name: for packages without `exports`, name the file the way Node's CommonJS resolution would find it.
const subpathsOfPackagesWithoutExports = {
  name: "subpaths-of-packages-without-exports",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(@[^/]+\/)?[^./@][^/]*\/.+/ }, (args) => {
      const [, scope = "", rest] = /^(@[^/]+\/)?(.*)$/.exec(args.path);
      const packageName = scope + rest.split("/")[0];
      let manifestPath;
      try {
        manifestPath = require.resolve(`${packageName}/package.json`, { paths: [args.resolveDir] });
      } catch {
        return { path: args.path, external: true }; // `exports` hides package.json: Node resolves through `exports`
      }
      if (JSON.parse(readFileSync(manifestPath, "utf8")).exports !== undefined)
        return { path: args.path, external: true };
      const file = path.join(path.dirname(manifestPath), args.path.slice(packageName.length + 1));
      for (const suffix of ["", ".js", "/index.js"]) {
        if (existsSync(file + suffix) && (suffix !== "" || path.extname(file) !== ""))
          return { path: args.path + suffix, external: true };
      }
      return { path: args.path, external: true };
    });
  },
};

rmSync("dist", { recursive: true, force: true });
const result = await build({
  entryPoints: ENTRY_POINTS,
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: false,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
  plugins: [serverOnlyIsEmpty, subpathsOfPackagesWithoutExports],
  banner: {
    // Bundled CommonJS-style code may call require(); ESM output has none of its own.
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

// One copy of each of the project's modules per process: every project file is inside its bundle, and a bundle loads
// nothing at run time but packages and Node.js's own modules (no path into the sources, so no second copy, no loader).
for (const [output, { imports }] of Object.entries(result.metafile.outputs)) {
  const loadedFromPath = imports.filter(({ external, path: target }) => external && /^[./]/.test(target));
  if (loadedFromPath.length > 0)
    throw new Error(
      `${output} loads project files at run time: ${loadedFromPath.map((i) => i.path).join(", ")}`,
    );
}
