// The page's side of the playground realm: spawns the sandbox worker (the same hidden
// <iframe sandbox> + CSP + blob Worker as learner code, src/runtime/browser-spawn.ts, with the
// playground's own bundle), validates every message from it with zod (it runs the learner's
// optimizer, so its bytes are hostile), and can kill and respawn it (a learner step that hangs).
import playgroundManifest from '../../generated/playground-realm.json';
import { url } from '../../lib/url';
import { createBrowserSpawner } from '../../runtime/browser-spawn';
import type { RealmChannel } from '../../runtime/channel';
import { workerToPageSchema, type PageToWorker, type WorkerToPage } from '../../playground/protocol';

let spawner: ReturnType<typeof createBrowserSpawner> | undefined;
const spawnerOf = () => (spawner ??= createBrowserSpawner(url(playgroundManifest.playgroundRealm)));

export interface Client {
  send(m: PageToWorker): void;
  /** Kills the worker now (a hung learner step); `restart` makes a new one. */
  kill(): void;
  restart(): Promise<void>;
  readonly alive: boolean;
}

export async function createClient(handlers: { onMessage(m: WorkerToPage): void; onInvalid(): void; onExit(): void }): Promise<Client> {
  let channel: RealmChannel | undefined;
  let generation = 0;
  const connect = async () => {
    const gen = ++generation;
    const ch = await spawnerOf()();
    if (gen !== generation) {
      ch.kill();
      return;
    }
    channel = ch;
    ch.onMessage((data) => {
      if (gen !== generation) return;
      const parsed = workerToPageSchema.safeParse(data);
      if (parsed.success) handlers.onMessage(parsed.data);
      else handlers.onInvalid();
    });
    ch.onExit(() => {
      if (gen !== generation) return;
      channel = undefined;
      handlers.onExit();
    });
  };
  await connect();
  return {
    send: (m) => channel?.post(m),
    kill() {
      generation++;
      channel?.kill();
      channel = undefined;
    },
    restart: connect,
    get alive() {
      return channel !== undefined;
    },
  };
}
