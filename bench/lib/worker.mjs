/**
 * The child side of `spawnNode(..., { ipc: true })`: answers `{id, cmd, args}` messages with the
 * result of `handlers[cmd](args)`. The worker exits when its parent goes away.
 */
export function serveCommands(handlers) {
  process.on('message', async ({ id, cmd, args }) => {
    try {
      const handler = handlers[cmd];
      if (!handler) throw new Error(`unknown command ${cmd}`);
      const result = await handler(args ?? {});
      process.send({ id, ok: true, result: result ?? null });
    } catch (err) {
      process.send({ id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** A wall clock shared by every process on the machine, in ms with sub-ms precision. */
export const now = () => performance.timeOrigin + performance.now();
