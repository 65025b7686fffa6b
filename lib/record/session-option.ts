/**
 * The CtiSession option `record`: a recorder owned by the session. It records from the first connection attempt
 * and closes its file when the session reaches 'closed' (close(), or the session gave up); `await
 * session.recorder.close()` waits until the file is complete.
 */
import { attachRecorder, type RecordableSession, type Recorder, type RecorderOptions } from './recorder';

export type RecordOption = string | RecorderOptions;

type StateSource = RecordableSession & {
  on(event: 'state', listener: (info: { state: string }) => void): unknown;
  off(event: 'state', listener: (info: { state: string }) => void): unknown;
};

export function recordSessionOption(session: StateSource, option: RecordOption): Recorder {
  const recorder = attachRecorder(session, typeof option === 'string' ? { path: option } : option);
  const onState = (info: { state: string }): void => {
    if (info.state !== 'closed') return;
    session.off('state', onState);
    void recorder.close();
  };
  session.on('state', onState);
  return recorder;
}
