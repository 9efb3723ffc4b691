import { describe, expect, it } from 'vitest';
import * as rna from './index.js';

describe('@scnn/rna public API', () => {
  it('exports exactly this list (a change here is an API change: review it)', () => {
    expect(Object.keys(rna).sort()).toMatchSnapshot();
  });
});
