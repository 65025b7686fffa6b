/** Recording live sessions to JSON Lines files (with PII masking) and reading them back for replay. */
export {
  attachRecorder,
  Recorder,
  type RecorderOptions,
  type RecorderStats,
  type RecordableSession,
  type SessionFrame,
} from './recorder';
export { recordSession, type RecordOption } from './record-session';
export { FrameMasker, type MaskOptions, type MaskStats } from './mask';
export { Pseudonymizer } from './pseudonym';
export { RotatingWriter, type RotatingWriterOptions, type WriterStats } from './writer';
export {
  RECORDING_FORMAT,
  RECORDING_FORMAT_VERSION,
  parseRecording,
  readRecording,
  type FrameLine,
  type RecordedFrame,
  type Recording,
  type RecordingHeader,
} from './format';
