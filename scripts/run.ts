// Shared entry for command-line scripts: a clear one-line error and exit code 1 instead of a stack.
export function run(main: () => Promise<void>): void {
  main().then(
    () => process.exit(typeof process.exitCode === "number" ? process.exitCode : 0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
