import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('@scnn/core public API', () => {
  it('exports exactly this list (a change here is an API change: review it)', () => {
    expect(Object.keys(core).sort()).toMatchSnapshot();
  });
});
