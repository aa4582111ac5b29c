// Links written with their scheme, as a person or a model writes them in running text: http(s), defanged hxxp(s)
// and ftp, up to the first space, quote or bracket, or the punctuation that ends a link inside a Japanese
// sentence (「」『』（）【】、，). For masking or skipping links cheaply; the extractor that also reads bare
// domains and every defanged form is extract/urls.ts.

/** A link with its scheme; global, for replace() and matchAll(). */
export const SCHEME_LINK_RE = /\b(?:h(?:tt|xx)ps?|ftp):\/\/[^\s<>"'`「」『』（）()【】、，,]+/gi;
