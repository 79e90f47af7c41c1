-- Optional convenience over lsp/baogao.lua: `require('baogao').setup({ ... })`
-- merges the options into the 'baogao' config, enables it, and adds
-- :BaogaoRestart and :BaogaoLog.
local M = {}

local NAME = 'baogao'

--- Options are a `vim.lsp.Config` (cmd, filetypes, root_markers, settings, …)
--- merged over lsp/baogao.lua.
---@param opts? vim.lsp.Config
function M.setup(opts)
  if vim.fn.has('nvim-0.11') == 0 then
    vim.notify('baogao: Neovim 0.11 or newer is needed; see editors/nvim/README.md for older setups', vim.log.levels.ERROR)
    return
  end
  if opts and next(opts) ~= nil then
    vim.lsp.config(NAME, opts)
  end
  vim.lsp.enable(NAME)

  vim.api.nvim_create_user_command('BaogaoRestart', M.restart, { desc = 'Restart the baogao language server' })
  vim.api.nvim_create_user_command('BaogaoLog', function()
    vim.cmd.tabnew(vim.fn.fnameescape(vim.lsp.get_log_path()))
  end, { desc = 'Open the LSP log (server stderr and messages)' })
end

--- Stops the running baogao clients and starts them again for every buffer
--- they were attached to, picking up a changed config or a rebuilt binary.
function M.restart()
  local clients = vim.lsp.get_clients({ name = NAME })
  local buffers = {}
  for _, client in ipairs(clients) do
    for bufnr in pairs(client.attached_buffers) do
      buffers[bufnr] = true
    end
    client:stop()
  end
  local stopped = vim.wait(5000, function()
    return #vim.lsp.get_clients({ name = NAME }) == 0
  end, 50)
  if not stopped then
    for _, client in ipairs(vim.lsp.get_clients({ name = NAME })) do
      client:stop(true)
    end
  end
  -- Re-running the FileType autocommands is how vim.lsp.enable() attaches.
  for bufnr in pairs(buffers) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      vim.api.nvim_exec_autocmds('FileType', { buffer = bufnr })
    end
  end
end

return M
