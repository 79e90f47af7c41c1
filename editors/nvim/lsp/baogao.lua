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
  -- After a settings change the server asks the client to pull diagnostics
  -- again (workspace/diagnostic/refresh); Neovim 0.11 has no handler for it,
  -- so the config brings one and says so.
  capabilities = {
    workspace = { diagnostics = { refreshSupport = true } },
  },
  handlers = {
    ['workspace/diagnostic/refresh'] = function(_, _, ctx)
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      if client then
        for bufnr in pairs(client.attached_buffers) do
          local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
          client:request('textDocument/diagnostic', params, nil, bufnr)
        end
      end
      return vim.NIL
    end,
  },
}
