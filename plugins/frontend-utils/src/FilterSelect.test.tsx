import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterSelect } from './FilterSelect';

describe('FilterSelect', () => {
  it('offers "All" and every option, formatted, and reports the choice', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <FilterSelect
        label="Team"
        value=""
        options={['a', 'b']}
        onChange={onChange}
        format={v => v.toUpperCase()}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Team/ }));
    const list = within(screen.getByRole('listbox'));
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual([
      'All',
      'A',
      'B',
    ]);
    await userEvent.click(list.getByText('B'));
    expect(onChange).toHaveBeenCalledWith('b');
  });
});
