-- Minimal Neovim config for the e2e test: the repository's editors/nvim folder
-- on 'runtimepath' and its setup(), exactly as the README tells users to do.
local repo = assert(vim.env.BAOGAO_REPO, 'BAOGAO_REPO is not set')
local bin = assert(vim.env.BAOGAO_BIN, 'BAOGAO_BIN is not set')

vim.opt.runtimepath:prepend(repo .. '/editors/nvim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

require('baogao').setup({ cmd = { bin, 'lsp' } })
