/** Cleanup actions (stop a child, drop a database), run last-in first-out on exit, failure or Ctrl+C. */
interface Action {
  readonly label: string;
  readonly run: () => Promise<void> | void;
}

const actions: Action[] = [];
let running: Promise<void> | undefined;

/** Registers a cleanup action; the returned function removes it once the work was undone normally. */
export function onCleanup(label: string, run: () => Promise<void> | void): () => void {
  const action: Action = { label, run };
  actions.push(action);
  return () => {
    const at = actions.indexOf(action);
    if (at !== -1) {
      actions.splice(at, 1);
    }
  };
}

/** Runs every registered action (newest first); a failing action is reported and the rest still run. */
export function runCleanup(): Promise<void> {
  running ??= (async () => {
    while (actions.length > 0) {
      const action = actions.pop();
      if (!action) {
        break;
      }
      try {
        await action.run();
      } catch (error) {
        process.stderr.write(
          `\ncleanup "${action.label}" failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** On SIGINT/SIGTERM: clean up, then exit 130; a second signal exits at once. */
export function installSignalHandlers(): void {
  let interrupted = false;
  const handle = (signal: NodeJS.Signals) => {
    if (interrupted) {
      process.exit(130);
    }
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping child processes and dropping benchmark databases...\n`);
    void runCleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
