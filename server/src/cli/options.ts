// Small argument helpers shared by the curation subcommands.
export class CurationUsageError extends Error {}

/** `--name value` or `--name=value`, removed from `argv`; `undefined` when absent. */
export function takeOption(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new CurationUsageError(`${name} needs a value`);
      argv.splice(i, 2);
      return value;
    }
    if (argv[i].startsWith(`${name}=`)) {
      const value = argv[i].slice(name.length + 1);
      argv.splice(i, 1);
      return value;
    }
  }
  return undefined;
}

/** A sidecar or import folder that cannot be read (exit code 2). */
export class CurationReadError extends Error {}
