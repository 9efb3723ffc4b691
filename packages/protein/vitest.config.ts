import { scnnVitestConfig } from '@scnn/vitest-config';

export default scnnVitestConfig();
