import { targetForAlyxPath } from '../../api/schema/endpoint-for-path.ts';
import type { ApiModel } from '../../api/schema/model.ts';
import { paths } from '../../config/paths.ts';
import type { ExampleLinker } from './render-markdown.ts';

/** `/subjects?nickname=Hercules` in a description → that view in the explorer, for endpoints the model has. */
export function exampleLinker(instance: string, model: ApiModel): ExampleLinker {
  return (code) => {
    if (!/^\/[\w.-]+(\/[^\s?#]*)?(\?\S*)?$/.test(code)) return null;
    const target = targetForAlyxPath(code);
    return target && target.endpoint in model.endpoints && model.endpoints[target.endpoint]?.browsable
      ? paths.target(instance, target)
      : null;
  };
}
