/**
 * recordSession: a recorder that follows a session's life. Attached before open() it records from the first
 * connection attempt; it closes its file when the session reaches 'closed' (close(), or the session gave up);
 * `await recorder.close()` waits until the file is complete. The session is not told: the recorder taps its
 * frames from outside.
 */
import { attachRecorder, type RecordableSession, type Recorder, type RecorderOptions } from './recorder';

/** A file path, or the recorder's options. */
export type RecordOption = string | RecorderOptions;

type StateSource = RecordableSession & {
  on(event: 'state', listener: (info: { state: string }) => void): unknown;
  off(event: 'state', listener: (info: { state: string }) => void): unknown;
};

export function recordSession(session: StateSource, option: RecordOption): Recorder {
  const recorder = attachRecorder(session, typeof option === 'string' ? { path: option } : option);
  const onState = (info: { state: string }): void => {
    if (info.state !== 'closed') return;
    session.off('state', onState);
    void recorder.close();
  };
  session.on('state', onState);
  return recorder;
}
