import { useStore } from '@nanostores/solid';
import { $paraSession } from 'para-session-kit';

export function App(props) {
  const session = useStore($paraSession);
  return (
    <para-session prop:client={props.para} on:para-session-expired={(e) => props.onExpired(e.detail.identity)}>
      <p>{session().status}</p>
      <para-reauth-dialog />
    </para-session>
  );
}
