import { expect, screenshot, setUpCommuneOffice, test } from './fixtures.js';

// The backend's notices travel on the progress channel (IPC in the app, /api/events here). The
// restart itself is tested in test/electron/backend/host-lifecycle.test.ts; here the window's
// banner, fed the event exactly as the host emits it.
test('the window shows a banner when the database service was restarted or stopped, in English and Khmer', async ({ app }) => {
  await setUpCommuneOffice(app);
  let notice = 'restarted';
  await app.route('**/api/events', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
      body: `retry: 60000\ndata: ${JSON.stringify({ jobId: '', done: 0, total: 0, notice })}\n\n`,
    }),
  );
  await app.reload();
  const banner = app.getByRole('alert').filter({ hasText: 'The database service stopped and was started again' });
  await expect(banner).toBeVisible();
  await screenshot(app, 'worker-restarted-en');
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'សេវាមូលដ្ឋានទិន្នន័យបានឈប់ ហើយត្រូវបានចាប់ផ្ដើមឡើងវិញ' })).toBeVisible();
  await screenshot(app, 'worker-restarted-km');
  await app.getByRole('button', { name: 'បិទ' }).click();
  await expect(app.getByRole('alert')).toHaveCount(0);

  notice = 'stopped';
  await app.reload();
  const stopped = app.getByRole('alert').filter({ hasText: 'សេវាមូលដ្ឋានទិន្នន័យបានឈប់ ហើយមិនអាចចាប់ផ្ដើមឡើងវិញបានទេ' });
  await expect(stopped).toBeVisible();
  // Stopped for good: nothing to dismiss, the user must restart the app.
  await expect(stopped.getByRole('button')).toHaveCount(0);
  await screenshot(app, 'worker-stopped-km');
});
