import { initEngine } from '@scnn/core';
import * as tf from '@tensorflow/tfjs';
import { createCosRec, targetsVersusNegativesLoss } from '@scnn/recsys';
await initEngine();
const B=512, L=5;
const kind = process.argv[2] ?? 'cnn';
const m = createCosRec({kind, numUsers: 943, numItems: 1682});
const items = tf.randomUniform([B,L],1,1682,'int32'), users = tf.randomUniform([B,1],0,943,'int32'), cand = tf.randomUniform([B,6],1,1682,'int32');
const vars = m.trainableWeights.map(w=>w.read());
const f = () => tf.tidy(() => { const {value} = tf.variableGrads(() => targetsVersusNegativesLoss(m.scoreCandidates(items, users, cand, true), 3), vars); value.dataSync(); });
f(); f();
const prof = await tf.profile(f);
const agg = {};
for (const k of prof.kernels) { const key = k.name + ' ' + JSON.stringify(k.inputShapes); agg[key] = (agg[key] ?? 0) + (await k.kernelTimeMs); }
const rows = Object.entries(agg).sort((a,b)=>b[1]-a[1]).slice(0,25);
let total = Object.values(agg).reduce((a,b)=>a+b,0);
console.log('total kernel ms', total.toFixed(1), 'kernels', prof.kernels.length);
for (const [k,v] of rows) console.log(v.toFixed(1).padStart(7), k);
