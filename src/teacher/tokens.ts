/**
 * Tokenising student code on the teacher's side (the read-only viewer and the similarity
 * check) in linear time. Student code is hostile input here: a pattern whose failed attempt
 * rescans the rest of the file (or line) at every opening `/*`, backtick or quote would take
 * hours on a few hundred kilobytes of `/* /* /* …`. So an unterminated comment or template runs
 * to the end of the file, an unterminated quote to the end of its line (as in a real lexer), a
 * lone backslash is consumed like an escape: every attempt succeeds on its greedy path, and each
 * character is read a bounded number of times.
 */
const COMMENT = String.raw`\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)`;
// A quoted string that isn't closed on its line ends there (a template ends the file).
// A backslash escapes the next character if there is one (a lone one at the end is consumed too).
const STRING = String.raw`\`(?:\\[\s\S]?|[^\`\\])*(?:\`|$)|'(?:\\.?|[^'\\\n])*(?:'|(?=\n)|$)|"(?:\\.?|[^"\\\n])*(?:"|(?=\n)|$)`;
const NUMBER = String.raw`\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const KEYWORDS = 'abstract|as|async|await|break|case|catch|class|const|continue|default|do|else|export|extends|false|finally|for|from|function|if|import|in|instanceof|interface|let|new|null|of|return|static|super|switch|this|throw|true|try|type|typeof|undefined|var|void|while|yield';

/** Comments, strings, numbers and keywords, for colouring (groups 1–4); the rest is plain text. */
export const HIGHLIGHT_TOKEN = new RegExp(`(${COMMENT})|(${STRING})|\\b(${NUMBER})\\b|\\b(${KEYWORDS})\\b`, 'g');

/** Every token, for the similarity check (comments included, so the caller can drop them). */
export const SIMILARITY_TOKEN = new RegExp(`${COMMENT}|${STRING}|[A-Za-z_$][\\w$]*|${NUMBER}|\\.\\d+|=>|===|!==|\\*\\*|[^\\s]`, 'g');

/** The viewer colours at most this much; the rest is shown as plain text. */
export const MAX_HIGHLIGHT_CHARS = 100_000;
