// Presets: each is just a URL hash (see ./state.ts) plus a sentence in src/i18n/zh-CN.json
// (`playground.presets.<id>`) on why the setup works or fails. Chapters embed them by id:
// <Playground preset="spiral-deep" />.
export interface Preset {
  /** Stable id: used by <Playground preset="…"> and as the i18n key. */
  id: string;
  /** The setup, as a hash without '#'. */
  hash: string;
}

export const PRESETS: readonly Preset[] = [
  { id: 'xor', hash: 'dataset=xor&layers=4,4&trainRatio=70' },
  { id: 'spiral-shallow', hash: 'dataset=spiral&layers=8&act=tanh&optimizer=adam&learningRate=0.01&trainRatio=70' },
  { id: 'spiral-deep', hash: 'dataset=spiral&layers=8,8,8,8&act=tanh,tanh,tanh,tanh&init=glorot,glorot,glorot,glorot&optimizer=adam&learningRate=0.01&trainRatio=70' },
  { id: 'lr-too-high', hash: 'dataset=circle&layers=4,2&learningRate=3' },
  { id: 'zero-init', hash: 'dataset=circle&layers=4,4&init=zeros,zeros' },
  { id: 'sigmoid-deep', hash: 'dataset=circle&layers=8,8,8,8,8,8&act=sigmoid,sigmoid,sigmoid,sigmoid,sigmoid,sigmoid&init=glorot,glorot,glorot,glorot,glorot,glorot&learningRate=0.03' },
  { id: 'dropout', hash: 'dataset=circle&seed=2&noise=50&trainRatio=10&layers=8,8,8&act=relu,relu,relu&init=he,he,he&dropout=0.5,0.5,0.5&optimizer=adam&learningRate=0.01&loss=ce&showTest=1&stopEpochs=200' },
  { id: 'adam-vs-sgd', hash: 'dataset=spiral&layers=8,8&act=tanh,tanh&optimizer=adam&learningRate=0.01&compare=sgd&compareLr=0.03&trainRatio=70' },
  { id: 'spiral3', hash: 'dataset=spiral3&loss=ce&layers=8,8,8&act=relu,relu,relu&init=he,he,he&optimizer=adam&learningRate=0.01&trainRatio=70' },
];

export const presetById = (id: string): Preset | undefined => PRESETS.find((p) => p.id === id);
