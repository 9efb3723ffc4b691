import { initEngine } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { createCosRec, targetsVersusNegativesLoss } from '@scnn/recsys';
await initEngine();
const B=512, L=5;
for (const kind of ['cnn','scnn']) {
  const m = createCosRec({kind, numUsers: 943, numItems: 1682});
  const items = tf.randomUniform([B,L],1,1682,'int32'), users = tf.randomUniform([B,1],0,943,'int32'), cand = tf.randomUniform([B,6],1,1682,'int32');
  const vars = m.trainableWeights.map(w=>w.read());
  const opt = tf.train.adam(1e-3);
  const time = (name, f, n=10) => { f(); const t=performance.now(); for(let i=0;i<n;i++) f(); console.log(kind, name, ((performance.now()-t)/n).toFixed(1),'ms'); };
  time('forward train', () => tf.tidy(() => m.scoreCandidates(items, users, cand, true).dataSync()));
  time('encoder only fwd', () => tf.tidy(() => m.encoder.apply([items, users], {training: true}).dataSync()));
  time('grads', () => tf.tidy(() => { const {value, grads} = tf.variableGrads(() => targetsVersusNegativesLoss(m.scoreCandidates(items, users, cand, true), 3), vars); value.dataSync(); }));
  time('minimize', () => { const l = opt.minimize(() => targetsVersusNegativesLoss(m.scoreCandidates(items, users, cand, true), 3), true, vars); l.dataSync(); l.dispose(); });
  time('penalty', () => tf.tidy(() => { const {value} = tf.variableGrads(() => tf.mul(1e-6, tf.addN(vars.map(v => tf.sum(tf.square(v))))), vars); value.dataSync(); }));
}
