import { useStore } from '@nanostores/preact';
import { $paraSession } from 'para-session-kit';

export function App({ para, onExpired }) {
  const { status } = useStore($paraSession);
  return (
    <para-session client={para} onpara-session-expired={(e) => onExpired(e.detail.identity)}>
      <p>{status}</p>
      <para-reauth-dialog />
    </para-session>
  );
}
