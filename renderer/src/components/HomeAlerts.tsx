import { useQuery } from '../hooks.js';
import { AlertList } from './AlertList.js';

/** Home-screen panel: the register's alerts, most urgent first. */
export function HomeAlerts() {
  const alerts = useQuery('alerts.list', { limit: 50 });
  return alerts.data ? <AlertList alerts={alerts.data.items} /> : null;
}
