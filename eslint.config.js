import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

const serverImports = {
  patterns: [
    {
      group: ["@/lib/server/*", "**/lib/server/*"],
      message: "Client code must not import lib/server: call the API through lib/queries instead.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "dist/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "off",
      "import/no-anonymous-default-export": "off",
    },
  },
  {
    files: [
      "components/**/*.{ts,tsx}",
      "lib/queries/**/*.{ts,tsx}",
      "app/**/*-view.tsx",
      "app/**/_components/**/*.tsx",
    ],
    rules: { "no-restricted-imports": ["error", serverImports] },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
    files: ["**/*.test.ts", "tests/**/*.ts", "e2e/**/*.ts"],
    // Playwright fixtures receive a `use` callback that is not React's hook.
    rules: { "@typescript-eslint/no-unsafe-assignment": "off", "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
