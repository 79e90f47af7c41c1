-- baogao language server for Neovim 0.11+ (`:help lsp-config`).
-- With this folder on 'runtimepath', `vim.lsp.enable('baogao')` is all it takes;
-- override any field with `vim.lsp.config('baogao', { ... })`.
---@type vim.lsp.Config
return {
  cmd = { 'baogao', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'baogao.toml', '.baogao.toml', '.git' },
  -- Answered to the server's workspace/configuration pull for the `baogao`
  -- section, the same keys as the VS Code settings and baogao.toml.
  settings = {
    baogao = {
      kind = 'auto',
      rules = vim.empty_dict(),
    },
  },
}
