/** Where a layer of configuration came from, for error messages. */
export type ConfigSource =
  | { kind: 'flag' }
  | { kind: 'file'; path: string }
  | { kind: 'environment' };

/** One layer of raw configuration, before validation. */
export interface ConfigLayer {
  source: ConfigSource;
  values: Record<string, unknown>;
}

/** How a source is named in messages: the file path, "command-line flags" or "environment". */
export function describeSource(source: ConfigSource): string {
  switch (source.kind) {
    case 'file':
      return source.path;
    case 'flag':
      return 'command-line flags';
    case 'environment':
      return 'environment';
  }
}
