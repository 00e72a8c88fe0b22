import { expect, type Locator, type Page } from '@playwright/test';

/** The endpoint tree in the navbar. */
export class TreePage {
  readonly tree: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('tree', { name: 'Endpoints' });
    this.filter = page.getByLabel('Filter endpoints');
  }

  group(label: string): Locator {
    // Group labels are capitalised ("Data 12"), endpoint names are not ("datasets").
    return this.tree.getByRole('treeitem', { name: new RegExp(`^${label}\\b`) });
  }

  leaf(endpoint: string): Locator {
    return this.tree.locator(`[role="treeitem"][data-endpoint="${endpoint}"]`);
  }

  docsLink(endpoint: string): Locator {
    return this.tree.getByRole('link', { name: `${endpoint} documentation` });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.tree).toBeVisible();
    await expect(this.tree.getByRole('treeitem').first()).toBeVisible();
  }

  async filterBy(text: string): Promise<void> {
    await this.filter.fill(text);
  }

  /** Names of the endpoints shown (browsable resources, or action endpoints), every group opened by a catch-all filter. */
  async allEndpointNames(kind: 'browsable' | 'action' = 'browsable'): Promise<string[]> {
    await this.filterBy('/');
    const action = kind === 'action' ? 'true' : 'false';
    const names = await this.tree
      .locator(`[role="treeitem"][data-endpoint][data-action="${action}"]`)
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-endpoint') ?? ''));
    await this.filterBy('');
    return names.sort();
  }

  async visibleEndpointNames(): Promise<string[]> {
    return this.tree
      .locator('[role="treeitem"][data-endpoint]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-endpoint') ?? ''));
  }
}
