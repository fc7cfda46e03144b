/**
 * XML escaping for the JUnit reports of `eck check` and `eck fuzz`.
 */

// XML 1.0 allows only #x9 #xA #xD, #x20-#xD7FF, #xE000-#xFFFD and #x10000-#x10FFFF; the C1 controls are
// allowed but discouraged. Both are written as visible \uXXXX text so that nothing is lost silently.
// With the `u` flag a lone surrogate is matched while a well-formed pair is one code point, not matched.
const NOT_XML = /(?![\t\n\r])[\p{Cc}\ud800-\udfff\ufffe\uffff]/gu

function visible(text: string): string {
  return text.replace(
    NOT_XML,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * XML character data: `>` is always escaped, so `]]>` can never appear.
 * @param text Any text.
 * @returns The escaped text.
 */
export function escapeText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * An XML attribute value: parsers normalise a raw newline or tab to a space, so they stay character references.
 * @param text Any text.
 * @returns The escaped value.
 */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}
