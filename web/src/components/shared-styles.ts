import { css } from 'lit';

export const tableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.85rem;
    margin-top: 8px;
  }
  th,
  td {
    border-bottom: 1px solid #eaeef2;
    padding: 4px 6px;
    text-align: left;
    white-space: nowrap;
  }
  td[data-value] {
    font-variant-numeric: tabular-nums;
  }
  a {
    color: #0969da;
  }
  .scroll {
    overflow-x: auto;
  }
`;
