import { describe, expect, it } from 'vitest';
import * as recsys from './index.js';

describe('@scnn/recsys public API', () => {
  it('exports exactly this list (a change here is an API change: review it)', () => {
    expect(Object.keys(recsys).sort()).toMatchSnapshot();
  });
});
