// The per-element entries (src/define/<tag>.ts, published as `para-session-kit/<tag>`): the build and the size
// measure read this one list. package.json's `exports` and `typesVersions` name them too (JSON cannot import).
export const ELEMENT_TAGS = ['para-session', 'para-session-status', 'para-reauth-dialog', 'para-session-guard'];
