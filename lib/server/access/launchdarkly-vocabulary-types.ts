/**
 * One resource type of LaunchDarkly's vocabulary: its nesting, outermost first, as LaunchDarkly writes it
 * (`proj/*:env/*:flag/*` is proj, env, flag), and its actions (empty where the pages name the type but no actions).
 */
export type VocabularyEntry = { readonly shape: readonly string[]; readonly actions: readonly string[] };
