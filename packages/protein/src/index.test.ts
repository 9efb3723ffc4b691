import { describe, expect, it } from 'vitest';
import * as protein from './index.js';

describe('@scnn/protein public API', () => {
  it('exports exactly this list (a change here is an API change: review it)', () => {
    expect(Object.keys(protein).sort()).toMatchSnapshot();
  });
});
