/**
 * Quotes one command-line argument for a POSIX shell, only when it needs quoting. A placeholder
 * such as `<sim-url>` is left as written: it stands for a value the reader fills in.
 */
export function quoteArgument(argument) {
  if (/^[\w./:=@%+,-]+$/.test(argument) || /^<[\w-]+>$/.test(argument)) return argument;
  return `'${argument.replaceAll("'", "'\\''")}'`;
}

/** A command line as a user would type it: `quire` and its quoted arguments. */
export function commandLine(args) {
  return ['quire', ...args.map(quoteArgument)].join(' ');
}
