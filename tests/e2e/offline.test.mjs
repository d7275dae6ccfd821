// Offline: after the first visit the app starts with the network off, with its data.
import assert from 'node:assert/strict';
import { AppPage, withContext } from './harness.mjs';

export const tests = [
  {
    name: 'offline: after one visit the app starts again with the network off and keeps its data',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        const app = await AppPage.open(context, ctx.url, ctx.artifacts);
        await app.page.evaluate(() => navigator.serviceWorker.ready);
        await app.find(/^Lagret \d\d:\d\d$/, { kind: 'text', timeout: 10000 });
        await app.persisted();
        const name = (await app.document()).organisation.name;
        await app.reload(); // the worker now controls the page and has cached the files
        await context.setOffline(true);
        await app.reload();
        assert.equal((await app.document()).organisation.name, name, 'the stored data is there offline');
        await app.find('Oversikt', { kind: 'button' });
      });
    },
  },
];
