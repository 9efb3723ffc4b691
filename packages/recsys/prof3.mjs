import { initEngine } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
await initEngine();
const time = (name, f, n=10) => { f(); f(); const t=performance.now(); for(let i=0;i<n;i++) f(); console.log(name, ((performance.now()-t)/n).toFixed(1),'ms'); };
for (const [S, C] of [[3,256],[5,128]]) {
  const x = tf.variable(tf.randomNormal([512,S,S,C])); const w = tf.variable(tf.randomNormal([3,3,C,C]));
  time(`conv2d fwd+bwd S${S} C${C}`, () => tf.tidy(() => { const {value} = tf.variableGrads(() => tf.sum(tf.conv2d(x, w, 1, 'valid')), [x,w]); value.dataSync(); }));
  time(`im2col fwd+bwd S${S} C${C}`, () => tf.tidy(() => { const {value} = tf.variableGrads(() => {
    const O = S - 2; const parts = [];
    for (let a=0;a<3;a++) for (let b=0;b<3;b++) parts.push(tf.slice(x,[0,a,b,0],[-1,O,O,-1]));
    const p = tf.reshape(tf.concat(parts, 3), [512*O*O, 9*C]);
    return tf.sum(tf.matMul(p, tf.reshape(w, [9*C, C])));
  }, [x,w]); value.dataSync(); }));
}
